package org.peersupport;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void modulesOnlyUseEachOthersPublicApiAndDeclaredDependencies() {
        ApplicationModules.of(PeerSupportApplication.class).verify();
    }
}
