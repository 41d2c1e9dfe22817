package org.runops.calo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runops.calo.RunTag;
import org.runops.calo.RunTask;

class PlanMakerFingerprintTest {
    private static final RunTag RUN = new RunTag(68006, "new_newcdbtag_v008");
    private static final List<String> MAPS = List.of("CEMC_meanTime");

    @Test
    void anotherReplicaOfTheSameFilesIsNotNewWork() {
        RunTask gpfs = new RunTask(RUN, List.of("/sphenix/data/a/HIST_CALOQA-00068006-00000.root",
                "/sphenix/data/a/HIST_CALOQA-00068006-00001.root"), MAPS);
        RunTask lustre = new RunTask(RUN, List.of("/sphenix/lustre01/b/HIST_CALOQA-00068006-00001.root",
                "/sphenix/lustre01/b/HIST_CALOQA-00068006-00000.root"), MAPS);
        assertThat(PlanMaker.fingerprint(lustre)).isEqualTo(PlanMaker.fingerprint(gpfs));
    }

    @Test
    void anotherFileSetTagOrMapListIsNewWork() {
        RunTask base = new RunTask(RUN, List.of("/d/HIST_CALOQA-00068006-00000.root"), MAPS);
        String f = PlanMaker.fingerprint(base);
        assertThat(PlanMaker.fingerprint(new RunTask(RUN, List.of("/d/HIST_CALOQA-00068006-00000.root",
                "/d/HIST_CALOQA-00068006-00001.root"), MAPS))).isNotEqualTo(f);
        assertThat(PlanMaker.fingerprint(new RunTask(new RunTag(68006, "new_newcdbtag_v009"), base.files(), MAPS))).isNotEqualTo(f);
        assertThat(PlanMaker.fingerprint(new RunTask(RUN, base.files(), List.of("CEMC_meanTime", "HCALIN_meanTime")))).isNotEqualTo(f);
    }
}
