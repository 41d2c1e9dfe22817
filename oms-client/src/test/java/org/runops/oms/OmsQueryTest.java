package org.runops.oms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.runops.oms.OmsQuery.Op;

class OmsQueryTest {

    private static OmsClient client() {
        return OmsClient.builder().instance(OmsInstance.INTEGRATION).build();
    }

    @Test
    void buildsTheJsonApiQueryInInsertionOrder() {
        try (OmsClient oms = client()) {
            HttpUrl url = oms.query("runs")
                    .fields("run_number", "init_lumi", "b_field")
                    .filter("run_number", Op.GE, 377254)
                    .filter("run_number", Op.LE, 377296L)
                    .filter("stable_beam", Op.EQ, true)
                    .filter("bunches_colliding", Op.EQ, null)
                    .filter("b_field", Op.GT, 3.8)
                    .filter("l1_hlt_mode", Op.LIKE, "collisions")
                    .filter("components", Op.CT, "TRACKER,PIXEL")
                    .sort("fill_number", false)
                    .sort("run_number", true)
                    .include("meta", "presentation_timestamp")
                    .url(2000, 1000);
            assertThat(url.encodedPath()).isEqualTo("/agg/api/v1/runs"); // no trailing slash
            assertThat(url.queryParameter("fields")).isEqualTo("run_number,init_lumi,b_field");
            assertThat(url.queryParameterValues("filter[run_number][GE]")).containsExactly("377254");
            assertThat(url.queryParameterValues("filter[run_number][LE]")).containsExactly("377296");
            assertThat(url.queryParameter("filter[stable_beam][EQ]")).isEqualTo("true");
            assertThat(url.queryParameter("filter[bunches_colliding][EQ]")).isEqualTo("null");
            assertThat(url.queryParameter("filter[b_field][GT]")).isEqualTo("3.8");
            assertThat(url.queryParameter("filter[components][CT]")).isEqualTo("TRACKER,PIXEL");
            assertThat(url.queryParameter("sort")).isEqualTo("-fill_number,run_number");
            assertThat(url.queryParameter("include")).isEqualTo("meta,presentation_timestamp");
            assertThat(url.queryParameter("page[offset]")).isEqualTo("2000");
            assertThat(url.queryParameter("page[limit]")).isEqualTo("1000");
            assertThat(url.queryParameterNames()).containsExactly("fields", "filter[run_number][GE]", "filter[run_number][LE]",
                    "filter[stable_beam][EQ]", "filter[bunches_colliding][EQ]", "filter[b_field][GT]", "filter[l1_hlt_mode][LIKE]",
                    "filter[components][CT]", "sort", "include", "page[offset]", "page[limit]");
            assertThat(url.toString()).startsWith("https://vocms0185.cern.ch/agg/api/v1/runs?fields=run_number%2Cinit_lumi%2Cb_field"
                    + "&filter%5Brun_number%5D%5BGE%5D=377254");
        }
    }

    @Test
    void valuesArePercentEncodedAndGroupsAdded() {
        try (OmsClient oms = OmsClient.builder().baseUrl("http://cmsoms.cms/agg/api/v1/").build()) {
            HttpUrl url = oms.query("/hltpathrates/").filter("path_name", Op.EQ, "HLT_Iso&Mu 24=/x?")
                    .group("granularity", "lumisection").pageSize(10).url(0, 10);
            assertThat(url.encodedPath()).isEqualTo("/agg/api/v1/hltpathrates");
            assertThat(url.queryParameter("filter[path_name][EQ]")).isEqualTo("HLT_Iso&Mu 24=/x?");
            assertThat(url.encodedQuery()).contains("HLT_Iso%26Mu%2024%3D%2Fx%3F").contains("group%5Bgranularity%5D=lumisection");
        }
    }

    @Test
    void numbersAreWrittenPlainly() {
        assertThat(OmsQuery.format(1e10)).isEqualTo("10000000000");
        assertThat(OmsQuery.format(3.0)).isEqualTo("3");
        assertThat(OmsQuery.format(0.00012)).isEqualTo("0.00012");
        assertThat(OmsQuery.format(false)).isEqualTo("false");
        assertThatThrownBy(() -> OmsQuery.format(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badArgumentsAreRefused() {
        try (OmsClient oms = client()) {
            assertThatThrownBy(() -> oms.query(" ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> oms.query("runs?x=1")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> oms.query("runs").pageSize(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> oms.query("runs").fields("")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> OmsClient.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void instancesAndTheirAudiences() {
        assertThat(OmsInstance.PRODUCTION.baseUrl().toString()).isEqualTo("https://cmsoms.cern.ch/agg/api/v1");
        assertThat(OmsInstance.PRODUCTION.audience()).isEqualTo("cmsoms-prod");
        assertThat(OmsInstance.INTEGRATION.audience()).isEqualTo("cmsoms-int-0185");
        assertThat(OmsInstance.DEVELOPMENT.audience()).isEqualTo("cmsoms-int-0184");
        assertThat(OmsInstance.P5.needsToken()).isFalse();
        assertThat(OmsInstance.parse("Integration")).isEqualTo(OmsInstance.INTEGRATION);
        assertThatThrownBy(() -> OmsInstance.parse("qa")).hasMessageContaining("qa");
    }
}
