package org.runops.dqm.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.runops.dqm.DqmException;

/**
 * Any text read as PEM, and any bytes read as a PKCS#8, PKCS#1 or SEC1 key, give blocks and keys or a
 * {@link DqmException} naming the file — never another exception. The seeds in
 * {@code src/test/resources/org/runops/dqm/internal/PemFuzzTestInputs/} are throwaway keys made with OpenSSL 3.0 for the tests.
 * A longer run: {@code JAZZER_FUZZ=1 ./mvnw -pl dqmgui-client test -Dtest='PemFuzzTest#der' -Djazzer.max_duration=10m}
 */
class PemFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void pem(byte[] data) {
        try {
            for (PemBlock b : PemBlock.read(new String(data, StandardCharsets.US_ASCII), "fuzz")) {
                if (PrivateKeys.isKey(b)) {
                    PrivateKeys.read(b, "fuzz");
                }
            }
        } catch (DqmException expected) {
            // named
        }
    }

    @FuzzTest(maxDuration = "30s")
    void der(byte[] data) {
        for (String label : new String[] {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"}) {
            try {
                PrivateKeys.read(new PemBlock(label, Map.of(), data), "fuzz");
            } catch (DqmException expected) {
                // named
            }
        }
    }
}
