package dev.machinemarkets.gateway.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.stereotype.Service;

import dev.machinemarkets.gateway.catalogue.CatalogueEnums.ExecutionMode;
import dev.machinemarkets.gateway.catalogue.CatalogueEnums.PricingMode;
import dev.machinemarkets.gateway.runtime.ProviderKeys;
import dev.machinemarkets.platform.events.EventLog;
import dev.machinemarkets.platform.events.Events;
import dev.machinemarkets.platform.web.ApiException;
import dev.machinemarkets.platform.web.FieldIssue;
import dev.machinemarkets.schemas.events.EventEnvelope;
import dev.machinemarkets.schemas.events.ServiceDeleted;
import dev.machinemarkets.schemas.events.ServiceUpserted;
import dev.machinemarkets.schemas.events.SkillUpserted;
import dev.machinemarkets.schemas.state.ExternalHandoff;
import dev.machinemarkets.schemas.state.Pricing;
import dev.machinemarkets.schemas.state.ServiceState;
import dev.machinemarkets.schemas.state.SkillState;

/** Changes to the skill registry and the service catalogue; each is an event on the catalogue topic. */
@Service
public class CatalogueService {

    static final String SERVICE = "service";
    static final String SKILL = "skill";
    private static final Pattern SERVICE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    private final CatalogueViews views;
    private final EventLog eventLog;
    private final Clock clock;

    public CatalogueService(CatalogueViews views, EventLog eventLog, Clock clock) {
        this.views = views;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    public record Upserted(Document service, boolean created) {
    }

    public Upserted upsertService(String serviceId, CatalogueRequests.Service request) {
        if (request.id() != null && !request.id().equals(serviceId)) {
            throw ApiException.invalid("id", "must match the serviceId in the path, or be left out");
        }
        if (!SERVICE_ID.matcher(serviceId).matches()) {
            throw ApiException.invalid("serviceId", "must be 1 to 128 letters, digits, '_', '.' or '-'");
        }
        if (views.skill(request.skillKey()).isEmpty()) {
            throw ApiException.invalid("skillKey", "skill " + request.skillKey() + " is not in the registry");
        }
        Instant now = now();
        Document existing = views.service(serviceId).orElse(null);
        ServiceState service = service(serviceId, request, existing == null ? now : existing.get("createdAt", Date.class).toInstant(), now);
        eventLog.appendForCatalogue(List.of(Events.envelope("catalogue.service.upserted", Events.ACTOR_API, SERVICE, serviceId, null, now,
                new ServiceUpserted(service, existing == null))));
        return new Upserted(views.service(serviceId).orElseThrow(), existing == null);
    }

    public void deleteService(String serviceId) {
        views.service(serviceId).orElseThrow(() -> ApiException.notFound("service", serviceId));
        Instant now = now();
        eventLog.appendForCatalogue(List.of(Events.envelope("catalogue.service.deleted", Events.ACTOR_API, SERVICE, serviceId, null, now,
                new ServiceDeleted(serviceId))));
    }

    /** Publishes every skill and service of the shipped file, as the system, in one ordered batch. */
    void load(CatalogueRequests.CatalogueFile file) {
        Instant now = now();
        Set<String> skillKeys = new LinkedHashSet<>();
        List<EventEnvelope> events = new ArrayList<>();
        for (CatalogueRequests.Skill skill : file.skills()) {
            skillKeys.add(skill.key());
            SkillState state = new SkillState(skill.key(), ProviderKeys.normalize(skill.providerKey()), skill.label(),
                    skill.description() == null ? "" : skill.description(), distinct(skill.serviceTypes()), distinct(skill.operations()),
                    skill.executionMode().wire(), skill.integrationStatus().wire());
            events.add(Events.envelope("catalogue.skill.upserted", Events.ACTOR_SYSTEM, SKILL, skill.key(), null, now,
                    new SkillUpserted(state, views.skill(skill.key()).isEmpty())));
        }
        for (CatalogueRequests.Service service : file.services()) {
            if (service.id() == null || !skillKeys.contains(service.skillKey())) {
                throw new IllegalStateException("catalogue service " + service.id() + " needs an id and a skill of the file");
            }
            Document existing = views.service(service.id()).orElse(null);
            Instant createdAt = existing == null ? now : existing.get("createdAt", Date.class).toInstant();
            events.add(Events.envelope("catalogue.service.upserted", Events.ACTOR_SYSTEM, SERVICE, service.id(), null, now,
                    new ServiceUpserted(service(service.id(), service, createdAt, now), existing == null)));
        }
        eventLog.appendForCatalogue(events);
    }

    private static ServiceState service(String serviceId, CatalogueRequests.Service request, Instant createdAt, Instant now) {
        List<FieldIssue> issues = new ArrayList<>();
        if (!ServiceTypes.isKnown(request.serviceType())) {
            issues.add(new FieldIssue("serviceType", "must be one of " + String.join(", ", ServiceTypes.ALL)));
        }
        String providerKey = ProviderKeys.normalize(request.providerKey());
        if (!ProviderKeys.isValid(providerKey)) {
            issues.add(new FieldIssue("providerKey", ProviderKeys.RULE));
        }
        if (request.executionMode() == ExecutionMode.EXTERNAL_HANDOFF && request.handoff() == null) {
            issues.add(new FieldIssue("handoff", "is required for an external-handoff service"));
        }
        Pricing pricing = pricing(request.pricing(), issues);
        if (!issues.isEmpty()) {
            throw ApiException.invalid(issues);
        }
        return ServiceState.newBuilder()
                .setId(serviceId)
                .setSkillKey(request.skillKey())
                .setProviderKey(providerKey)
                .setCompanyName(request.companyName())
                .setServiceType(request.serviceType())
                .setName(request.name())
                .setDescription(request.description() == null ? "" : request.description())
                .setOperations(distinct(request.operations()))
                .setExecutionMode(request.executionMode().wire())
                .setIntegrationStatus(request.integrationStatus().wire())
                .setRegion(request.region() == null || request.region().isBlank() ? "global" : request.region().trim().toLowerCase(Locale.ROOT))
                .setCapabilities(distinct(request.capabilities()))
                .setHandoff(request.handoff() == null ? null
                        : new ExternalHandoff(request.handoff().label(), request.handoff().url(), distinct(request.handoff().notes())))
                .setPricing(pricing)
                .setMetadata(new Document(request.metadata() == null ? java.util.Map.of() : request.metadata()).toJson())
                .setCreatedAt(createdAt)
                .setUpdatedAt(now)
                .build();
    }

    private static Pricing pricing(CatalogueRequests.Pricing pricing, List<FieldIssue> issues) {
        if (pricing == null) {
            return new Pricing(PricingMode.PROVIDER_DEFINED.wire(), null, null, null, List.of());
        }
        String currency = pricing.currency() == null ? null : pricing.currency().trim().toUpperCase(Locale.ROOT);
        if (pricing.mode() == PricingMode.FIXED && (pricing.amount() == null || pricing.amount() < 0)) {
            issues.add(new FieldIssue("pricing.amount", "is required and >= 0 for fixed pricing"));
        }
        if (pricing.amount() != null && pricing.amount() > 0 && (currency == null || !CURRENCY.matcher(currency).matches())) {
            issues.add(new FieldIssue("pricing.currency", "must be a three-letter currency code when there is an amount"));
        }
        return new Pricing(pricing.mode().wire(), pricing.amount(), currency, pricing.rate(), distinct(pricing.notes()));
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
