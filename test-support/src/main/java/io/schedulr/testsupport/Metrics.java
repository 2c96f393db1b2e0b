package io.schedulr.testsupport;

import static io.restassured.RestAssured.given;

/** {@code /q/metrics} as Prometheus scrapes it: one sample read from the text format. */
public final class Metrics {
    private Metrics() {
    }

    public static String scrape() {
        return given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample {@code name} whose labels include every {@code key="value"} given; NaN when it is not exposed. */
    public static double value(String name, String... labels) {
        return valueIn(scrape(), name, labels);
    }

    public static double valueIn(String text, String name, String... labels) {
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String series = line.substring(0, space);
            int brace = series.indexOf('{');
            String metric = brace < 0 ? series : series.substring(0, brace);
            if (!metric.equals(name)) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= brace >= 0 && series.substring(brace).contains(label);
            }
            if (all) {
                return Double.parseDouble(line.substring(space + 1).trim());
            }
        }
        return Double.NaN;
    }

    /** A counter not exposed yet has counted nothing. */
    public static double count(String name, String... labels) {
        double v = value(name, labels);
        return Double.isNaN(v) ? 0 : v;
    }
}
