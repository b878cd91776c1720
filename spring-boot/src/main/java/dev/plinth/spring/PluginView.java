package dev.plinth.spring;

import dev.plinth.runtime.PluginInfo;
import dev.plinth.verify.Finding;
import java.util.List;

/**
 * One plugin as the {@code plugins} Actuator endpoint and the health indicator show it.
 *
 * @param id          the plugin id
 * @param version     its version
 * @param state       its state, such as {@code STARTED} or {@code FAILED}
 * @param refused     whether it failed before any of its code ran
 * @param isolation   where its code runs
 * @param path        the jar it was loaded from
 * @param sha256      the SHA-256 of the bytes loaded
 * @param findings    everything Plinth found about it
 * @param failure     the exception behind a {@code FAILED} state, as the original's {@code class: message}, or null
 */
public record PluginView(String id, String version, String state, boolean refused, String isolation, String path,
                         String sha256, List<FindingView> findings, String failure) {

    static PluginView of(PluginInfo info) {
        String failure = info.failureCause().map(Throwable::toString).orElse(null); // the original's class: message
        return new PluginView(info.id(), info.version(), info.state().name(), info.refused(),
                info.isolation().name(), info.path().toString(), info.sha256(),
                info.findings().stream().map(FindingView::of).toList(), failure);
    }

    /**
     * One finding.
     *
     * @param code     its stable code, such as {@code api-mismatch}
     * @param severity {@code error}, {@code warning} or {@code info}
     * @param message  one line, {@code subject: problem}
     * @param fix      what to change
     * @param location the file and entry it is about
     */
    public record FindingView(String code, String severity, String message, String fix, String location) {

        static FindingView of(Finding finding) {
            return new FindingView(finding.code().id(), finding.severity().name().toLowerCase(java.util.Locale.ROOT),
                    finding.message(), finding.fix(), finding.location().fileAndEntry());
        }
    }
}
