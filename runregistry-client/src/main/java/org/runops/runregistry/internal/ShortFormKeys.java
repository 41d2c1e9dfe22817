package org.runops.runregistry.internal;

import java.util.Set;

/**
 * The short keys the Python client knows and where each lives (rrc attributes.py). A short key outside these lists is
 * refused, as rrc refuses it: sent to {@code oms_attributes} it would match nothing and answer silently empty.
 */
final class ShortFormKeys {
    /** rrc {@code run_rr_attributes}, plus {@code short_run} and {@code run_needs_to_be_updated_manually} of rrb's run table. */
    static final Set<String> RR = Set.of("class", "state", "significant", "stop_reason", "short_run",
            "run_needs_to_be_updated_manually");

    /** rrc {@code run_oms_attributes}. */
    static final Set<String> OMS = Set.of("energy", "l1_key", "b_field", "hlt_key", "l1_menu", "l1_rate", "duration",
            "end_lumi", "end_time", "sequence", "init_lumi", "clock_type", "components", "start_time", "dt_included",
            "fill_number", "l1_hlt_mode", "last_update", "ls_duration", "stable_beam", "daq_included", "trigger_mode",
            "cmssw_version", "recorded_lumi", "tcds_included", "delivered_lumi", "tier0_transfer", "l1_key_stripped",
            "fill_type_party1", "fill_type_party2", "hlt_physics_rate", "hlt_physics_size", "fill_type_runtime",
            "hlt_physics_counter", "l1_triggers_counter", "l1_hlt_mode_stripped", "hlt_physics_throughput",
            "initial_prescale_index", "beams_present_and_stable");

    /** rrc {@code dataset_attributes}: {@code appeared_in}, {@code global_state} and the workspaces' {@code <ws>_state}. */
    static final Set<String> DATASET = Set.of("appeared_in", "global_state", "dt_state", "cms_state", "csc_state",
            "hlt_state", "l1t_state", "rpc_state", "tau_state", "btag_state", "ecal_state", "hcal_state", "lumi_state",
            "muon_state", "ctpps_state", "castor_state", "egamma_state", "jetmet_state", "tracker_state");

    private ShortFormKeys() {}
}
