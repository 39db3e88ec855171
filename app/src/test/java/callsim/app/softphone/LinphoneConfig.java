package callsim.app.softphone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The linphonerc an agent runs with: loopback only, no registration/NAT helpers/video, PCMU and
 * PCMA only (plus telephone-event, which linphone always adds), no echo canceller.
 *
 * @param sipPort   UDP SIP port on 127.0.0.1 (TCP and TLS are disabled)
 * @param rtpFirst  first of {@link #RTP_PORTS} UDP ports for the media streams
 * @param silence   a WAV of silence, used as hold music and ring tones so that nothing is missing
 * @param user      the user part of the phone's address, which callsim reads as the agent's extension
 */
record LinphoneConfig(int sipPort, int rtpFirst, Path silence, String user) {
    static final int RTP_PORTS = 30;

    LinphoneConfig {
        if (silence.toString().contains(" ")) {
            throw new IllegalArgumentException("linphonec cannot take paths with spaces: " + silence);
        }
    }

    void writeTo(Path file) throws IOException {
        Files.writeString(file, render());
    }

    String render() {
        String audioPorts = rtpFirst + "-" + (rtpFirst + 9);
        String videoPorts = (rtpFirst + 10) + "-" + (rtpFirst + 19);
        String textPorts = (rtpFirst + 20) + "-" + (rtpFirst + RTP_PORTS - 1);
        return """
                [sip]
                bind_address=127.0.0.1
                sip_port=%d
                sip_tcp_port=0
                sip_tls_port=0
                use_ipv6=0
                guess_hostname=0
                contact=sip:%s@127.0.0.1
                register_only_when_network_is_up=0
                register_only_when_upnp_is_ok=0
                auto_send_ringing=1
                media_encryption=none
                inc_timeout=30
                in_call_timeout=0

                [rtp]
                bind_address=127.0.0.1
                audio_rtp_port=%s
                video_rtp_port=%s
                text_rtp_port=%s
                audio_jitt_comp=60
                nortp_timeout=300

                [net]
                firewall_policy=0
                stun_server=

                [sound]
                echocancellation=0
                hold_music=%s
                local_ring=%s
                remote_ring=%s

                [video]
                capture=0
                display=0
                automatically_initiate=0
                automatically_accept=0

                [audio_codec_0]
                mime=PCMU
                rate=8000
                channels=1
                enabled=1

                [audio_codec_1]
                mime=PCMA
                rate=8000
                channels=1
                enabled=1
                %s""".formatted(sipPort, user, audioPorts, videoPorts, textPorts,
                silence, silence, silence, disabledCodecs());
    }

    /** linphone would add (and offer) its other codecs unless they are listed as disabled. */
    private static String disabledCodecs() {
        String[][] codecs = {{"opus", "48000", "2"}, {"speex", "16000", "1"}, {"speex", "8000", "1"},
            {"speex", "32000", "1"}, {"G729", "8000", "1"}, {"GSM", "8000", "1"}, {"G722", "8000", "1"}};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < codecs.length; i++) {
            out.append("\n[audio_codec_").append(i + 2).append("]\nmime=").append(codecs[i][0])
                    .append("\nrate=").append(codecs[i][1]).append("\nchannels=").append(codecs[i][2])
                    .append("\nenabled=0\n");
        }
        return out.toString();
    }
}
