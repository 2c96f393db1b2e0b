package io.schedulr.deploy;

import io.schedulr.testsupport.infra.InfraPorts;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every port the local stack listens on. */
public record StackPorts(
        int scheduling,
        int notification,
        int calendarSync,
        int calcomGateway,
        int postgres,
        int kafka,
        int kafkaController,
        int smtp,
        int imap,
        int issuer,
        int control,
        int calcom,
        int traces) {

    /** The fixed ports people and scripts rely on (see docs/operations.md). */
    public static StackPorts fixed() {
        return new StackPorts(8080, 8081, 8082, 8083, 15432, 19092, 19093, 3025, 3143, 8090, 8091, 8093, 8094);
    }

    /** Ports that are free right now, for a stack that runs beside another one (tests). */
    public static StackPorts free() {
        return new StackPorts(InfraPorts.free(), InfraPorts.free(), InfraPorts.free(), InfraPorts.free(),
                InfraPorts.free(), InfraPorts.free(), InfraPorts.free(), InfraPorts.free(), InfraPorts.free(),
                InfraPorts.free(), InfraPorts.free(), InfraPorts.free(), InfraPorts.free());
    }

    /** How many ports a stack takes. */
    public static final int COUNT = 13;

    /** {@value #COUNT} consecutive ports from {@code base}, in the order of this record's components. */
    public static StackPorts fromBase(int base) {
        return new StackPorts(base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6, base + 7, base + 8,
                base + 9, base + 10, base + 11, base + 12);
    }

    /** Each port with what uses it, in start order. */
    public Map<Integer, String> byPort() {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(postgres, "PostgreSQL");
        ports.put(kafka, "Kafka");
        ports.put(kafkaController, "Kafka controller");
        ports.put(smtp, "SMTP");
        ports.put(imap, "IMAP");
        ports.put(issuer, "token issuer");
        ports.put(control, "infrastructure control endpoint");
        ports.put(calcom, "local Cal.com");
        ports.put(traces, "local trace collector");
        ports.put(scheduling, "scheduling-service");
        ports.put(notification, "notification-service");
        ports.put(calendarSync, "calendar-sync-service");
        ports.put(calcomGateway, "calcom-gateway");
        return ports;
    }
}
