package org.runops.runregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.runops.testing.SharedData;

/** Run Registry's sample_json_logic format, read from the real sample and from hand-written variants. */
class JsonLogicRequestTest {

    @Test
    void theRealSampleGivesItsPatternAndLogic() throws IOException {
        String text = Files.readString(SharedData.require("runregistry/rr_json_logic_sample_ReReco_Run2018_UL2019.txt"));
        JsonLogicRequest r = JsonLogicRequest.parse(text);
        assertThat(r.datasetPattern()).hasValue("/ReReco/Run2018__UL2019/DQM");
        assertThat(new ObjectMapper().readTree(r.logic()).has("and")).isTrue();
    }

    @Test
    void logicAloneHasNoPatternAndBlankLinesAndCrlfAreSkipped() {
        assertThat(JsonLogicRequest.parse("{\"and\": []}")).isEqualTo(new JsonLogicRequest(java.util.Optional.empty(), "{\"and\": []}"));
        JsonLogicRequest r = JsonLogicRequest.parse("\r\n  /PromptReco/Collisions2018_/DQM \r\n{\"and\": [\r\n]}\r\n");
        assertThat(r.datasetPattern()).hasValue("/PromptReco/Collisions2018_/DQM");
        assertThat(r.logic()).isEqualTo("{\"and\": [\n]}\n");
    }

    @Test
    void aTextWithoutLogicIsRefused() {
        assertThatThrownBy(() -> JsonLogicRequest.parse(" \n\n")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("json-logic");
        assertThatThrownBy(() -> JsonLogicRequest.parse("/PromptReco/%/DQM\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("json-logic");
    }
}
