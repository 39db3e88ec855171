package callsim.app.asterisk;

import callsim.core.Difficulty;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A drill promised to a call before its media arrives: the FastAGI training extension or an AMI
 * originate books it under the UUID it then gives Asterisk's {@code AudioSocket(uuid,host:port)},
 * so the AudioSocket call that follows knows who the agent is and which drill to run.
 *
 * @param agent      who the report names: the caller id from AGI, or the dialled device (PJSIP/201) for AMI
 * @param scenarioId the drill to run; empty means "let the agent choose from the spoken menu"
 * @param difficulty empty means the scenario's default level
 * @param channel    the agent's Asterisk channel (PJSIP/201-00000001) once known, for AMI events
 * @param uniqueId   that channel's Uniqueid once known
 * @param origin     {@code agi} or {@code ami}
 */
public record DrillBooking(UUID uuid, String agent, Optional<String> scenarioId, Optional<Difficulty> difficulty,
                           Optional<String> channel, Optional<String> uniqueId, String origin, Instant bookedAt) {

    DrillBooking withChannel(String newChannel, String newUniqueId) {
        return new DrillBooking(uuid, agent, scenarioId, difficulty, Optional.ofNullable(newChannel),
                Optional.ofNullable(newUniqueId), origin, bookedAt);
    }

    /** Whether an AMI event about this channel concerns this booking's call. */
    boolean concerns(String eventChannel, String eventUniqueId) {
        return (eventUniqueId != null && uniqueId.filter(eventUniqueId::equals).isPresent())
                || (eventChannel != null && channel.filter(eventChannel::equals).isPresent());
    }
}
