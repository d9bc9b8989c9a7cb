package dev.airalert.architecture.cycle.one;

import dev.airalert.architecture.cycle.two.Second;

/** Half of a deliberate package cycle, for the architecture test to catch. */
public class First {

    Second second;
}
