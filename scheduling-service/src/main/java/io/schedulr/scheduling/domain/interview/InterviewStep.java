package io.schedulr.scheduling.domain.interview;

/** The steps of the creation flow, in order; the last one is sending. */
public enum InterviewStep { STARTUP, TEAM, BOOKING_TYPE, GUESTS, DETAILS, SEND }
