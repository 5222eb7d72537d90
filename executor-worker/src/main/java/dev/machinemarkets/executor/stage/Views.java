package dev.machinemarkets.executor.stage;

import org.bson.Document;

import dev.machinemarkets.platform.events.AvroDocuments;
import dev.machinemarkets.schemas.state.OutcomeState;

/** The OutcomeRecord of the API: result is the runtime's JSON, not text. */
final class Views {

    private Views() {
    }

    static Document outcome(OutcomeState outcome) {
        Document view = new Document(AvroDocuments.toView(AvroDocuments.toDocument(outcome)));
        String result = outcome.getResult();
        if (result != null) {
            String trimmed = result.trim();
            view.put("result", trimmed.startsWith("{") ? Document.parse(trimmed) : Document.parse("{\"value\": " + trimmed + "}").get("value"));
        }
        return view;
    }
}
