package org.runops.benchmarks;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.runops.oms.OmsClient;
import org.runops.oms.OmsRecord;
import org.runops.oms.OmsRunCatalog;
import org.runops.oms.OmsTable;

/**
 * A stand-in for {@code runops oms runs ... --format csv} with a flaw chosen by its first argument, so the harness's
 * checks can be seen to fail a row: {@code full} (no flaw), {@code short} (the last run left out), {@code garbled}
 * (every run right, one column renamed), {@code onepage} (one page for the whole range, fewer requests than pages).
 */
public final class FakeRunops {
    private FakeRunops() {}

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        List<String> a = List.of(args);
        String url = a.get(a.indexOf("--url") + 1);
        long from = Long.parseLong(a.get(a.indexOf("--from") + 1));
        long to = Long.parseLong(a.get(a.indexOf("--to") + 1));
        int pageSize = mode.equals("onepage") ? (int) (to - from + 1) : Integer.parseInt(a.get(a.indexOf("--page-size") + 1));
        List<OmsRecord> rows;
        try (OmsClient client = OmsClient.builder().baseUrl(url).pageSize(pageSize).build()) {
            rows = new OmsRunCatalog(client).records(from, to);
        }
        StringWriter csv = new StringWriter();
        OmsTable.of(mode.equals("short") ? rows.subList(0, rows.size() - 1) : rows, "run_number").writeCsv(csv);
        String text = mode.equals("garbled") ? csv.toString().replaceFirst("fill_number", "fill_numbr") : csv.toString();
        try (Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
            out.write(text);
        }
    }
}
