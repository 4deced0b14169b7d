package org.peersupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PeerSupportApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PeerSupportApplication.class);
        application.addListeners(new DatabaseRequired());
        application.run(args);
    }
}
