#set( $apiOnly = $hostApiGroupId == "dev.plinth" && $hostApiArtifactId == "plinth-api" )
package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runtime.PluginState;
import dev.plinth.testkit.Plinth;
import dev.plinth.testkit.PlinthTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the plugin from target/classes in a real Plinth host, with its own class loader. */
#if( $apiOnly )
@PlinthTest(sharedPackages = "dev.plinth.api", configuration = "greeting=hi")
#else
@PlinthTest(configuration = "greeting=hi")
#end
class StarterPluginTest {

    @Test
    void startsWithoutProblems(Plinth plinth) {
        assertEquals(List.of(), plinth.problems(), plinth::report);
        assertEquals(PluginState.STARTED, plinth.plugin().state(), plinth::report);
    }

    @Test
    void reloadsIntoANewGeneration(Plinth plinth) {
        assertTrue(plinth.reload().reloaded(), plinth::report);
        assertEquals(PluginState.STARTED, plinth.plugin().state(), plinth::report);
    }
}
