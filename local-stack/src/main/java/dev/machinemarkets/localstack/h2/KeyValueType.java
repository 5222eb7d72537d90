package dev.machinemarkets.localstack.h2;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;

/**
 * How an index key is ordered and stored. H2 does not know mongo-java-server's {@link KeyValue}, so by default it
 * compares two keys by serializing both with Java serialization, at every step of every B-tree search; that was
 * most of the embedded store's CPU. Here keys compare value by value in MongoDB's order, and each value is written
 * in H2's own compact form (strings, numbers and dates natively, anything else serialized).
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    private final ObjectDataType values = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int shared = Math.min(a.size(), b.size());
        for (int i = 0; i < shared; i++) {
            int order = ORDER.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 24;
        for (Object value : key) {
            memory += values.getMemory(value);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        buffer.putVarInt(key.size());
        for (Object value : key) {
            values.write(buffer, value);
        }
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        int size = DataUtils.readVarInt(buffer);
        List<Object> read = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            read.add(values.read(buffer));
        }
        return new KeyValue(read);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
