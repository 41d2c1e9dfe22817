package org.runops.oms.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The attributes of one parsed row: an immutable, ordered map that allows null values and stores only
 * a value array, its keys and their positions being shared by every row of the same {@link Shape}
 * (all rows of an OMS page have the same attributes in the same order). About a tenth of a
 * LinkedHashMap's memory for a 43-attribute run; {@link org.runops.oms.OmsRecord} keeps it as it is
 * instead of copying it.
 */
public final class RowMap extends AbstractMap<String, Object> {

    /** Attribute names in order and their positions; shared by rows. */
    public static final class Shape {
        private final String[] keys;
        private final Map<String, Integer> index;

        private Shape(String[] keys, Map<String, Integer> index) {
            this.keys = keys;
            this.index = index;
        }

        /** The shape of {@code keys}, or null when a key repeats (such a row is kept in a plain map). */
        public static Shape of(List<String> keys) {
            Map<String, Integer> index = new HashMap<>(keys.size() * 2);
            for (int i = 0; i < keys.size(); i++) {
                if (index.put(keys.get(i), i) != null) {
                    return null;
                }
            }
            return new Shape(keys.toArray(String[]::new), index);
        }

        public int size() {
            return keys.length;
        }

        /** The position of {@code key}, or -1 when rows of this shape do not have it. */
        public int indexOf(String key) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }

        /** Whether position {@code i} holds {@code key} (names are interned by jackson, so == usually decides). */
        public boolean hasKeyAt(int i, String key) {
            return i < keys.length && (keys[i] == key || keys[i].equals(key));
        }
    }

    private final Shape shape;
    private final Object[] values;

    /** {@code values} (owned from now on) in the order of {@code shape}'s keys. */
    public RowMap(Shape shape, Object[] values) {
        if (values.length != shape.keys.length) {
            throw new IllegalArgumentException(values.length + " values for " + shape.keys.length + " keys");
        }
        this.shape = shape;
        this.values = values;
    }

    /** The shape this row shares with the other rows of its page. */
    public Shape shape() {
        return shape;
    }

    /** The value at position {@code i} of the shape. */
    public Object valueAt(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return shape.index.containsKey(key);
    }

    @Override
    public Object get(Object key) {
        Integer i = shape.index.get(key);
        return i == null ? null : values[i];
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(shape.keys[i], values[i]);
                    }
                };
            }
        };
    }
}
