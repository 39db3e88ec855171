package callsim.telephony.asterisk;

import java.util.Set;
import java.util.stream.Collectors;

/** The threads an AmiClient may start: its own worker and Asterisk-Java's reader and event pump. */
final class AmiThreads {
    private AmiThreads() {}

    static Set<String> alive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("callsim-ami-") || name.startsWith("Asterisk-Java ManagerConnection"))
                .collect(Collectors.toSet());
    }
}
