package org.craftmark.server.winners;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * {@code {"items":[{...},...]}}, written as rows arrive. Totals are exact JSON numbers (87.50, never
 * 8.75E+1), money whole integers, absent values {@code null}: every key is in every item.
 */
final class JsonWinnerList implements WinnerListWriter {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final JsonGenerator json;

    JsonWinnerList(OutputStream out) throws IOException {
        json = JSON.createGenerator(out, JsonEncoding.UTF8);
        json.writeStartObject();
        json.writeArrayFieldStart("items");
    }

    @Override
    public void write(WinnerRow row) throws IOException {
        json.writeStartObject();
        for (WinnerField field : WinnerField.values()) {
            json.writeFieldName(field.key());
            value(field.valueOf(row));
        }
        json.writeEndObject();
    }

    private void value(Object value) throws IOException {
        switch (value) {
            case null -> json.writeNull();
            case String text -> json.writeString(text);
            case BigDecimal decimal -> json.writeNumber(decimal);
            case Number whole -> json.writeNumber(whole.longValue());
            default -> throw new IllegalStateException("no JSON form for " + value.getClass());
        }
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
