package org.runops.strip;

import java.util.Objects;

/**
 * One row of the ANALYSIS ⋈ PARTITION query. The three IDs are boxed because the DB may hold NULL;
 * {@link #complete()} is the check the original meant (its {@code str(None)} test let NULLs pass).
 */
public record AnalysisRow(Long analysisId, Long versionMajorId, Long versionMinorId, String analysisType, String partitionName) {
    public AnalysisRow {
        Objects.requireNonNull(partitionName, "partitionName");
    }

    /** All three IDs are present. */
    public boolean complete() {
        return analysisId != null && versionMajorId != null && versionMinorId != null;
    }
}
