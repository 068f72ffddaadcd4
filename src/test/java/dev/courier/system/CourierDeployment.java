package dev.courier.system;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploys the EAR the build assembled (not a test-made archive) to the Arquillian-managed WildFly,
 * which config/ configured; tests drive it from outside over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class CourierDeployment {

    @Deployment(testable = false)
    static EnterpriseArchive courier() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("courier.ear")));
    }
}
