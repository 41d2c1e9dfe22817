package org.runops.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Optional;
import java.util.OptionalLong;

/** Streaming JSON output for the {@code --json} options (jackson-core only, no data binding). */
final class Json implements AutoCloseable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonGenerator generator;

    private Json(JsonGenerator generator) {
        this.generator = generator;
    }

    static Json to(Writer out) {
        try {
            JsonGenerator g = FACTORY.createGenerator(new NonClosingWriter(out));
            g.useDefaultPrettyPrinter();
            return new Json(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Json startObject() {
        return io(() -> generator.writeStartObject());
    }

    Json endObject() {
        return io(() -> generator.writeEndObject());
    }

    Json startArray(String field) {
        return io(() -> generator.writeArrayFieldStart(field));
    }

    Json startArray() {
        return io(() -> generator.writeStartArray());
    }

    Json endArray() {
        return io(() -> generator.writeEndArray());
    }

    Json startObject(String field) {
        return io(() -> generator.writeObjectFieldStart(field));
    }

    Json field(String name, String value) {
        return io(() -> {
            if (value == null) {
                generator.writeNullField(name);
            } else {
                generator.writeStringField(name, value);
            }
        });
    }

    Json field(String name, long value) {
        return io(() -> generator.writeNumberField(name, value));
    }

    Json field(String name, double value) {
        return io(() -> generator.writeNumberField(name, value));
    }

    Json field(String name, boolean value) {
        return io(() -> generator.writeBooleanField(name, value));
    }

    Json field(String name, OptionalLong value) {
        return value.isPresent() ? field(name, value.getAsLong()) : io(() -> generator.writeNullField(name));
    }

    Json field(String name, Optional<String> value) {
        return field(name, value.orElse(null));
    }

    Json value(String value) {
        return io(() -> generator.writeString(value));
    }

    @Override
    public void close() {
        io(() -> {
            generator.close();
        });
    }

    private Json io(IoAction action) {
        try {
            action.run();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Lets the generator flush without closing the command's output stream. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            out.write(System.lineSeparator());
            flush();
        }
    }
}
