package org.runops.core.exec.batch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtCondorSubmitFileTest {

    @Test
    void plainArgumentsKeepTheOldSyntaxOfRunProd() {
        assertThat(HtCondorSubmitFile.arguments(List.of("/out/CaloCDB-GenStatus", "$(input_run)", "/out/output")))
                .isEqualTo("/out/CaloCDB-GenStatus $(input_run) /out/output");
    }

    @Test
    void argumentsWithSpacesOrQuotesUseTheNewSyntax() {
        // condor_submit's manual: the whole string in double quotes ("" inside), a word with white space in
        // single quotes ('' inside)
        assertThat(HtCondorSubmitFile.arguments(List.of("-c", "echo $(input_run) done", "it's", "say \"hi\"", "x\"y")))
                .isEqualTo("\"-c 'echo $(input_run) done' 'it''s' 'say \"\"hi\"\"' x\"\"y\"");
    }

    @Test
    void memoryIsInWholeGigabytesWhenItCanBe() {
        assertThat(HtCondorSubmitFile.memory(512)).isEqualTo("512MB");
        assertThat(HtCondorSubmitFile.memory(1536)).isEqualTo("1536MB");
        assertThat(HtCondorSubmitFile.memory(4096)).isEqualTo("4GB");
    }
}
