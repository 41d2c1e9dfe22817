package org.runops.datalogger.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Answers recorded from the ACL CGI (see {@link AclRecordings} for the layout), read by the same
 * parser as live ones; a command never recorded fails naming the command and the file looked for.
 */
public final class ReplayBackend extends AclProtocol {
    private final Path directory;

    public ReplayBackend(Path directory, ZoneId zone) {
        super(zone);
        this.directory = Objects.requireNonNull(directory, "directory");
        AclRecordings.requireDirectory(directory);
    }

    @Override
    Answer answer(String command, boolean oneShot) {
        return new Answer(AclRecordings.file(directory, command).toString(), AclRecordings.load(directory, command));
    }

    @Override
    public String backendName() {
        return "replay";
    }
}
