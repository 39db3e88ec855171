package callsim.core;

import java.util.List;

/** A small named rule that hears one technique (or its opposite) in the tokens of an agent turn. */
@FunctionalInterface
interface DetectionRule {
    List<Detection> detect(Heard heard);
}
