package io.lambda.local;

import tools.jackson.databind.json.JsonMapper;

/** JSON text of test data. */
final class JsonText {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonText() {
    }

    static String of(Object value) {
        return JSON.writeValueAsString(value);
    }
}
