package dev.plinth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallDrainTest {
    private static final String OLD = "plugin:upper@1.0.0";
    private static final String NEW = "plugin:upper@1.0.0#2";

    private static StackTraceElement frame(String loader, String type) {
        return new StackTraceElement(loader, null, null, type, "m", null, -1);
    }

    private static StackTraceElement handle() {
        return frame("plinth-handles", "com.acme.api.Filter$$PlinthHandle");
    }

    private static StackTraceElement host() {
        return frame("app", "com.acme.host.Main");
    }

    @Test
    void threadInsideTheOldGenerationThroughAHandleIsInACall() {
        assertThat(CallDrain.inCall(new StackTraceElement[] {frame(OLD, "com.acme.Upper"), handle(), host()}, OLD))
                .isTrue();
    }

    @Test
    void threadInsideTheNewGenerationIsNot() {
        assertThat(CallDrain.inCall(new StackTraceElement[] {frame(NEW, "com.acme.Upper"), handle(), host()}, OLD))
                .isFalse();
    }

    @Test
    void threadBetweenReadingTheSlotAndEnteringThePluginIsCountedToBeSafe() {
        StackTraceElement setTccl = frame(null, "java.lang.Thread");
        assertThat(CallDrain.inCall(new StackTraceElement[] {setTccl, handle(), host()}, OLD)).isTrue();
    }

    @Test
    void nestedCallIsAttributedToTheGenerationThatTheOuterHandleEntered() {
        StackTraceElement[] oldCallsHostCallsOther = {frame("plugin:other@1.0.0", "com.acme.Other"), handle(),
            host(), frame(OLD, "com.acme.Upper"), handle(), host()};
        assertThat(CallDrain.inCall(oldCallsHostCallsOther, OLD)).isTrue();
        assertThat(CallDrain.inCall(oldCallsHostCallsOther, "plugin:other@1.0.0")).isTrue();
        assertThat(CallDrain.inCall(oldCallsHostCallsOther, NEW)).isFalse();
    }

    @Test
    void threadThePluginStartedItselfIsNotACallButALeak() {
        assertThat(CallDrain.inCall(new StackTraceElement[] {frame(OLD, "com.acme.Ticker"),
            frame(null, "java.lang.Thread")}, OLD)).isFalse();
    }

    @Test
    void aCallIntoAChildJvmIsNoCallToAnInProcessGeneration() {
        StackTraceElement[] remoteCall = {frame("app", "dev.plinth.remote.RemoteInvoker"),
            frame(null, "jdk.proxy2.$Proxy12"), handle(), host()};
        assertThat(CallDrain.standing(remoteCall, OLD, false)).isEqualTo(CallDrain.Standing.NOT_IN_CALL);
        assertThat(CallDrain.standing(remoteCall, OLD, true)).isEqualTo(CallDrain.Standing.MAYBE_IN_CALL);
    }

    @Test
    void aHandleFrameWithNothingAboveItIsOnlyMaybeInACall() {
        assertThat(CallDrain.standing(new StackTraceElement[] {handle(), host()}, OLD, false))
                .isEqualTo(CallDrain.Standing.MAYBE_IN_CALL);
        assertThat(CallDrain.standing(new StackTraceElement[] {frame(OLD, "com.acme.Upper"), handle(), host()}, OLD,
                false)).isEqualTo(CallDrain.Standing.IN_CALL);
        assertThat(CallDrain.standing(new StackTraceElement[] {host()}, OLD, false))
                .isEqualTo(CallDrain.Standing.NOT_IN_CALL);
    }
}
