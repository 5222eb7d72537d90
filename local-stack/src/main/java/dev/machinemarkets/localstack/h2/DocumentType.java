package dev.machinemarkets.localstack.h2;

import java.nio.ByteBuffer;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * How a stored document is written to the file: as BSON, the store's own wire format, instead of the Java
 * serialization H2 falls back to for a class it does not know, which made writing pages back the store's
 * largest cost. A value written before this type existed starts with H2's tag for a serialized object and is
 * still read that way; it is written as BSON the next time its page is.
 */
final class DocumentType extends BasicDataType<Document> {

    /** Never the first byte of a value H2 wrote itself: its tags stay below 128. */
    private static final byte BSON = (byte) 0xB5;
    /**
     * A document held in memory (a map of boxed values and strings) takes several times the room of its BSON form.
     * H2 bounds its page cache and the changes it holds before writing them back by these estimates, so an estimate
     * that is too low lets the heap run out under a sustained write load; too high only means smaller batches.
     */
    private static final int MEMORY_PER_ENCODED_BYTE = 8;

    private final ObjectDataType writtenBefore = new ObjectDataType();
    private volatile int averageEncodedSize = 256;

    @Override
    public int getMemory(Document document) {
        return averageEncodedSize * MEMORY_PER_ENCODED_BYTE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoded = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, encoded);
            int size = encoded.readableBytes();
            averageEncodedSize = (averageEncodedSize * 15 + size) / 16;
            buffer.put(BSON).putVarInt(size);
            byte[] bytes = new byte[size];
            encoded.readBytes(bytes);
            buffer.put(bytes);
        } finally {
            encoded.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) writtenBefore.read(buffer);
        }
        buffer.get();
        int size = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(size);
        buffer.position(buffer.position() + size);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
