package dev.airalert.architecture.cycle.two;

import dev.airalert.architecture.cycle.one.First;

/** The other half of the deliberate package cycle. */
public class Second {

    First first;
}
