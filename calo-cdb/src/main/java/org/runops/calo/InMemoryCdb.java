package org.runops.calo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.runops.calo.internal.PayloadUrls;

/**
 * A conditions database in memory, shaped like nopayloaddb: global tag → payload type → IOVs. Payloads are
 * inserted as the sPHENIX upload macro inserts them ({@code CDBInsertUtils insertpl}: IOV {@code [run, run+1)})
 * under a URL of the real stored form {@code <type>/<md5 dirs>/<md5>_<file name>}, and served as the
 * server's {@code payloadiovs} serves them: per type, the IOV that starts last at or before the run.
 * For demos and tests; {@link CdbLookup#inMemory} asks it. Thread-safe.
 *
 * <pre>{@code
 * InMemoryCdb cdb = new InMemoryCdb();
 * cdb.globalTag("newcdbtag").insert("CEMC_meanTime", "CEMC_meanTime_new_newcdbtag_v008_68006.root", 68006);
 * CdbLookup lookup = CdbLookup.inMemory(cdb, "newcdbtag");
 * }</pre>
 */
public final class InMemoryCdb {
    private final Map<String, GlobalTag> tags = new LinkedHashMap<>();

    /** The global tag called {@code name}, created empty if it does not exist yet. */
    public synchronized GlobalTag globalTag(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("global tag name must not be blank");
        }
        return tags.computeIfAbsent(name, GlobalTag::new);
    }

    /** The global tag called {@code name}; a {@link CaloException} if there is none (as the server's 404). */
    public synchronized GlobalTag existing(String name) {
        GlobalTag tag = tags.get(name);
        if (tag == null) {
            throw new CaloException("in-memory CDB: no global tag '" + name + "'; known: " + List.copyOf(tags.keySet()));
        }
        return tag;
    }

    /** The global tags, in creation order. */
    public synchronized List<String> globalTagNames() {
        return List.copyOf(tags.keySet());
    }

    /** One global tag: its payload types and their IOVs. */
    public static final class GlobalTag {
        private final String name;
        private final Map<String, NavigableMap<Long, PayloadRef>> types = new LinkedHashMap<>();

        private GlobalTag(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        /** Inserts {@code fileName} as {@code payloadType} for run {@code run} alone (IOV {@code [run, run+1)}). */
        public PayloadRef insert(String payloadType, String fileName, long run) {
            return insert(payloadType, fileName, run, run + 1);
        }

        /**
         * Inserts {@code fileName} as {@code payloadType} for runs {@code [firstRun, endRun)} ({@link Long#MAX_VALUE}:
         * open-ended), replacing an IOV of that type that starts at the same run. The checksum is the md5 of
         * type, file name and first run (there is no file to hash), so URLs are stable between runs of a demo.
         */
        public synchronized PayloadRef insert(String payloadType, String fileName, long firstRun, long endRun) {
            Objects.requireNonNull(payloadType, "payloadType");
            Objects.requireNonNull(fileName, "fileName");
            if (payloadType.isBlank() || payloadType.contains("/")) {
                throw new IllegalArgumentException("payload type must be non-blank without '/', got '" + payloadType + "'");
            }
            if (firstRun < 0 || endRun <= firstRun) {
                throw new IllegalArgumentException(payloadType + ": IOV [" + firstRun + ", " + endRun + ") must be non-negative and non-empty");
            }
            String md5 = PayloadUrls.md5(payloadType + "/" + fileName + "/" + firstRun);
            PayloadRef ref = new PayloadRef(payloadType, PayloadUrls.stored(payloadType, md5, fileName), md5, firstRun, endRun);
            types.computeIfAbsent(payloadType, t -> new TreeMap<>()).put(firstRun, ref);
            return ref;
        }

        /**
         * What the server's {@code payloadiovs} answers at {@code run} (major IOV 0): per payload type the IOV
         * starting last at or before the run — also one that ended before it, which the verdict then calls missing.
         */
        public synchronized Map<String, PayloadRef> payloadsAt(long run) {
            Map<String, PayloadRef> out = new LinkedHashMap<>();
            types.forEach((type, iovs) -> {
                Map.Entry<Long, PayloadRef> e = iovs.floorEntry(run);
                if (e != null) {
                    out.put(type, e.getValue());
                }
            });
            return out;
        }
    }
}
