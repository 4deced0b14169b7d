package org.peersupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class PeerSupportApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerSupportApplication.class, args);
    }
}
