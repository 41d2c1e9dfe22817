package org.runops.examples.cli;

import picocli.CommandLine.Command;

/** {@code runops dqm ...}: the CMS DQM GUI (legacy, on cmsweb). */
@Command(
        name = "dqm",
        mixinStandardHelpOptions = true,
        header = "Read the CMS DQM GUI: histograms (jsonfairy) and the datasets of a run.",
        description = {
            "Read the legacy CMS DQM GUI on cmsweb (offline or online). cmsweb wants an X.509 grid certificate and its",
            "UNENCRYPTED key. Without --cert/--key/--pkcs12 they are looked for, in this order, as usercert.pem +",
            "userkey.pem in $CERN_CERTIFICATE_PATH, ~/private, ~/.globus (the places cernrequests uses). A proxy file",
            "(certificate, key and chain in one PEM) is given as --cert alone. Keys may be PKCS#8, PKCS#1 (RSA) or EC;",
            "an encrypted key is refused: 'openssl pkey -in userkey.pem -out userkey.nopass.pem' (chmod 600) writes an",
            "unencrypted copy, or use --pkcs12 myCertificate.p12 with its password in RUNOPS_DQM_PKCS12_PASSWORD.",
            "The CERN CAs are not in the JDK's trust: pass --trust-store (PKCS12/JKS, e.g. made with 'keytool -importcert')."
        },
        subcommands = {DqmHistCommand.class, DqmDatasetsCommand.class, DqmCrawlCommand.class})
public final class DqmCommand implements Runnable {
    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
