package org.runops.core.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Locale;
import org.runops.core.RegularFiles;

/**
 * Bounded, non-recursive reading of the DAQ's small JSON files: size checked before reading,
 * token-by-token parsing with tight nesting and length limits, one shared factory.
 */
final class DaqJson {
    /** Real .jsn/.jsd files are a few hundred bytes; anything this large is not one. */
    static final int MAX_FILE_BYTES = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(16)
                    .maxStringLength(64 * 1024)
                    .maxNumberLength(64)
                    .maxDocumentLength(MAX_FILE_BYTES)
                    .build())
            .build();

    private DaqJson() {}

    /** The file has 0 bytes: what the BU leaves as a placeholder EoR, so "no content" rather than "damaged". */
    static final class EmptyFileException extends JsnFormatException {
        private static final long serialVersionUID = 1L;

        EmptyFileException(Path file) {
            super(file, "empty file (0 bytes)");
        }
    }

    /** Reads the whole file, refusing empty and oversized ones. */
    static byte[] read(Path file) {
        try (SeekableByteChannel ch = RegularFiles.openChannel(file)) {
            long size = ch.size();
            if (size == 0) {
                throw new EmptyFileException(file);
            }
            if (size > MAX_FILE_BYTES) {
                throw new JsnFormatException(file, "file is " + size + " bytes, more than the " + MAX_FILE_BYTES
                        + " any DAQ metadata file has");
            }
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && ch.read(buffer) > 0) {
                // fill
            }
            return buffer.position() == buffer.capacity() ? buffer.array()
                    : java.util.Arrays.copyOf(buffer.array(), buffer.position());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new JsnFormatException(file, "file does not exist");
        } catch (java.nio.file.FileSystemException e) {
            // Names the file and what it is ("is a FIFO (named pipe), not a regular file"), or the system's reason.
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e, e);
        }
    }

    static JsonParser parser(byte[] json) throws IOException {
        return FACTORY.createParser(json);
    }

    /** A parse error as a clear message: where it stopped and why. */
    static JsnFormatException failure(Path file, IOException e) {
        if (e instanceof JsonEOFException) {
            return new JsnFormatException(file, "truncated JSON (ends at byte "
                    + ((JsonProcessingException) e).getLocation().getByteOffset() + ")", e);
        }
        if (e instanceof JsonProcessingException) {
            JsonProcessingException p = (JsonProcessingException) e;
            long at = p.getLocation() != null ? p.getLocation().getByteOffset() : -1;
            return new JsnFormatException(file, "malformed JSON at byte " + at + ": " + p.getOriginalMessage(), e);
        }
        return new JsnFormatException(file, "cannot parse: " + e.getMessage(), e);
    }

    /** Expects the next token to be the start of an object. */
    static void expectObject(JsonParser p, Path file) throws IOException {
        JsonToken t = p.nextToken();
        if (t != JsonToken.START_OBJECT) {
            throw new JsnFormatException(file, "expected a JSON object, found " + describe(t));
        }
    }

    /** After the root object: nothing but whitespace may follow. */
    static void expectEnd(JsonParser p, Path file) throws IOException {
        JsonToken t = p.nextToken();
        if (t != null) {
            throw new JsnFormatException(file, "unexpected " + describe(t) + " after the JSON object");
        }
    }

    /** The name of the field at {@code t}, failing clearly on truncation or a non-field token. */
    static String fieldName(JsonParser p, JsonToken t, Path file) throws IOException {
        if (t != JsonToken.FIELD_NAME) {
            throw new JsnFormatException(file, "expected a field name, found " + describe(t));
        }
        return p.currentName();
    }

    static String describe(JsonToken t) {
        return t == null ? "end of file" : t.asString() != null ? "'" + t.asString() + "'" : t.name().toLowerCase(Locale.ROOT);
    }
}
