package io.schedulr.scheduling.domain.interview;

/** How an interview came to be: through our 6-step flow, or booked on Cal.com directly (recorded from its webhook). */
public enum InterviewOrigin { FLOW, CALCOM }
