package org.runops.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.runops.core.root.RootFile;
import org.runops.core.root.RootKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runops root ls FILE...}: the file header and the top directory's keys. */
@Command(
        name = "ls",
        mixinStandardHelpOptions = true,
        header = "Show header, zombie/recovered state and keys of ROOT files.",
        description = {
            "Show each file's header (ROOT version, size, compression setting, header layout), whether ROOT",
            "would call it a zombie or recovered, and the keys of its top directory in ROOT's list order.",
            "Exit code 1 when any file is a zombie."
        })
final class RootLsCommand implements Callable<Integer> {
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "ROOT files (also @listfile).")
    private List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        boolean anyZombie = false;
        for (Path file : files) {
            try (RootFile root = RootFile.open(file)) {
                out.println(header(root));
                if (root.isZombie()) {
                    anyZombie = true;
                    out.println("  zombie: " + root.zombieReason().orElse("unknown reason"));
                    continue;
                }
                TextTable table = new TextTable("  CYCLE>", "CLASS", "NAME", "OBJLEN>", "STORED>", "SEEK>", "TITLE");
                for (RootKey key : root.keys()) {
                    table.row("  " + key.cycle(), key.className(), key.name(), key.objectLength(),
                            key.compressedLength(), key.seekKey(), key.title());
                }
                table.print(out);
            }
            out.println();
        }
        out.flush();
        return anyZombie ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private static String header(RootFile root) {
        StringBuilder s = new StringBuilder(root.path().toString()).append(": ");
        if (root.formatVersion() > 0) {
            s.append("ROOT ").append(RootFormatting.rootVersion(root.formatVersion()))
                    .append(", ").append(root.size()).append(" bytes, ")
                    .append(RootFormatting.compression(root.compressionSetting()))
                    .append(root.isLargeFile() ? ", large (8-byte) header" : ", small header");
        } else {
            s.append(root.size()).append(" bytes");
        }
        if (root.isZombie()) {
            s.append(", ZOMBIE");
        }
        if (root.isRecovered()) {
            s.append(", RECOVERED (keys rebuilt by scanning: the file was not closed properly)");
        }
        return s.toString();
    }
}
