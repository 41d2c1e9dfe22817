package org.runops.core.refrun;

import java.util.List;

/**
 * A method that proposes reference runs for a target, seeing only the choices made for earlier runs
 * (it is told about each run's choices after it has ranked that run).
 */
public interface Ranking {

    /** The method's name in reports. */
    String name();

    /** Candidate references for {@code target}, best first; empty to abstain. */
    List<Long> rank(RunReferencePair target);

    /** Learns the choice made for a run, once every method has ranked it. */
    void learn(RunReferencePair choice);
}
