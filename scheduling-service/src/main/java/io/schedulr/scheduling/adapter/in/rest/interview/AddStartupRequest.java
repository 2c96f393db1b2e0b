package io.schedulr.scheduling.adapter.in.rest.interview;

import io.schedulr.scheduling.domain.interview.PlainText;
import io.schedulr.scheduling.domain.interview.Startup;
import jakarta.validation.constraints.Size;

/** {@code POST /api/startups} body; the domain checks the values, this bounds their size first. */
public record AddStartupRequest(@Size(max = PlainText.MAX_NAME) String name, @Size(max = Startup.MAX_WEBSITE) String website) {
}
