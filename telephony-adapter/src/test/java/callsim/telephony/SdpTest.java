package callsim.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdpTest {
    private static final String LINPHONE_OFFER = String.join("\r\n",
            "v=0",
            "o=201 1234 5678 IN IP4 10.0.0.5",
            "s=Talk",
            "c=IN IP4 10.0.0.5",
            "t=0 0",
            "m=audio 7078 RTP/AVP 96 8 0 101 13",
            "a=rtpmap:96 opus/48000/2",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-15",
            "a=sendrecv",
            "m=video 9078 RTP/AVP 97",
            "a=rtpmap:97 VP8/90000",
            "a=sendonly",
            "");

    @Test
    void parsesAddressPortPayloadTypesTelephoneEventAndDirection() {
        SdpDescription offer = Sdp.parse(LINPHONE_OFFER);

        assertThat(offer.connectionAddress()).isEqualTo("10.0.0.5");
        assertThat(offer.audioPort()).isEqualTo(7078);
        assertThat(offer.payloadTypes()).containsExactly(96, 8, 0, 101, 13);
        assertThat(offer.encodingNames()).containsEntry(96, "OPUS");
        assertThat(offer.telephoneEventPayloadType()).isEqualTo(101);
        assertThat(offer.direction()).isEqualTo(MediaDirection.SENDRECV);
        assertThat(offer.isHold()).isFalse();
    }

    @Test
    void mediaLevelConnectionAndDirectionOverrideSessionLevel() {
        SdpDescription offer = Sdp.parse(String.join("\n",
                "v=0", "o=- 1 1 IN IP4 1.2.3.4", "s=-", "c=IN IP4 1.2.3.4", "a=sendonly", "t=0 0",
                "m=audio 4000 RTP/AVP 0", "c=IN IP4 5.6.7.8", "a=sendrecv"));

        assertThat(offer.connectionAddress()).isEqualTo("5.6.7.8");
        assertThat(offer.direction()).isEqualTo(MediaDirection.SENDRECV);
    }

    @Test
    void sessionLevelDirectionAppliesWhenMediaLevelHasNone() {
        SdpDescription offer = Sdp.parse(String.join("\n",
                "v=0", "o=- 1 1 IN IP4 1.2.3.4", "s=-", "c=IN IP4 1.2.3.4", "t=0 0", "a=inactive",
                "m=audio 4000 RTP/AVP 0"));

        assertThat(offer.direction()).isEqualTo(MediaDirection.INACTIVE);
        assertThat(offer.isHold()).isTrue();
    }

    @Test
    void detectsHoldBySendonlyInactiveOrNullAddressButNotByRecvonly() {
        assertThat(Sdp.parse(offerWith("1.2.3.4", "sendonly")).isHold()).isTrue();
        assertThat(Sdp.parse(offerWith("1.2.3.4", "inactive")).isHold()).isTrue();
        assertThat(Sdp.parse(offerWith("0.0.0.0", "sendrecv")).isHold()).isTrue();
        assertThat(Sdp.parse(offerWith("1.2.3.4", "recvonly")).isHold()).isFalse();
        assertThat(Sdp.parse(offerWith("1.2.3.4", "sendrecv")).isHold()).isFalse();
    }

    @Test
    void negotiatesTheFirstG711TypeInTheOfferersOrderWithItsTelephoneEvent() {
        NegotiatedMedia media = Sdp.negotiate(Sdp.parse(LINPHONE_OFFER));

        assertThat(media).isEqualTo(new NegotiatedMedia(Codec.PCMA, 8, 101));
    }

    @Test
    void noCommonCodecWhenNeitherPcmuNorPcmaIsOffered() {
        SdpDescription offer = Sdp.parse(String.join("\r\n",
                "v=0", "o=- 1 1 IN IP4 1.2.3.4", "s=-", "c=IN IP4 1.2.3.4", "t=0 0",
                "m=audio 4000 RTP/AVP 96 9", "a=rtpmap:96 opus/48000/2"));

        assertThatThrownBy(() -> Sdp.negotiate(offer))
                .isInstanceOf(NoCommonCodecException.class).hasMessageContaining("[96, 9]");
    }

    @Test
    void answerChoosesCodecEchoesTelephoneEventAndMatchesDirection() {
        SdpDescription offer = Sdp.parse(LINPHONE_OFFER);
        String answer = Sdp.answer(offer, Sdp.negotiate(offer), "127.0.0.1", 10002, 42, 1);

        assertThat(answer).isEqualTo(String.join("\r\n",
                "v=0",
                "o=callsim 42 1 IN IP4 127.0.0.1",
                "s=callsim",
                "c=IN IP4 127.0.0.1",
                "t=0 0",
                "m=audio 10002 RTP/AVP 8 101",
                "a=rtpmap:8 PCMA/8000",
                "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-16",
                "a=ptime:20",
                "a=sendrecv",
                ""));
        SdpDescription reread = Sdp.parse(answer);
        assertThat(reread.payloadTypes()).containsExactly(8, 101);
        assertThat(reread.audioPort()).isEqualTo(10002);
    }

    @Test
    void answerDirectionFollowsTheOffer() {
        assertThat(answerDirectionFor("sendonly")).isEqualTo(MediaDirection.RECVONLY);
        assertThat(answerDirectionFor("inactive")).isEqualTo(MediaDirection.INACTIVE);
        assertThat(answerDirectionFor("sendrecv")).isEqualTo(MediaDirection.SENDRECV);
        assertThat(answerDirectionFor("recvonly")).isEqualTo(MediaDirection.SENDONLY);
    }

    @Test
    void answerWithoutTelephoneEventWhenNotOffered() {
        SdpDescription offer = Sdp.parse(offerWith("1.2.3.4", "sendrecv"));
        String answer = Sdp.answer(offer, Sdp.negotiate(offer), "127.0.0.1", 10000, 1, 1);

        assertThat(answer).contains("m=audio 10000 RTP/AVP 0\r\n").doesNotContain("telephone-event");
    }

    @Test
    void ourOfferListsPcmuPcmaAndTelephoneEvent() {
        SdpDescription offer = Sdp.parse(Sdp.offer("127.0.0.1", 10004, 7, 2, MediaDirection.SENDONLY));

        assertThat(offer.payloadTypes()).containsExactly(0, 8, 101);
        assertThat(offer.telephoneEventPayloadType()).isEqualTo(101);
        assertThat(offer.direction()).isEqualTo(MediaDirection.SENDONLY);
        assertThat(offer.audioPort()).isEqualTo(10004);
    }

    @Test
    void rejectsGarbledSdpWithTheLineAtFault() {
        assertThatThrownBy(() -> Sdp.parse("")).isInstanceOf(SdpFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Sdp.parse("hello world"))
                .isInstanceOf(SdpFormatException.class).hasMessageContaining("v=0");
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nthis is not sdp\r\n"))
                .isInstanceOf(SdpFormatException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nc=IN IP4 1.2.3.4\r\nm=audio abc RTP/AVP 0\r\n"))
                .isInstanceOf(SdpFormatException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nc=IN IP4 1.2.3.4\r\nm=video 4 RTP/AVP 97\r\n"))
                .isInstanceOf(SdpFormatException.class).hasMessageContaining("no audio");
        assertThatThrownBy(() -> Sdp.parse("v=0\r\nm=audio 4000 RTP/AVP 0\r\n"))
                .isInstanceOf(SdpFormatException.class).hasMessageContaining("connection address");
    }

    private static MediaDirection answerDirectionFor(String offered) {
        SdpDescription offer = Sdp.parse(offerWith("1.2.3.4", offered));
        return Sdp.parse(Sdp.answer(offer, Sdp.negotiate(offer), "127.0.0.1", 10000, 1, 1)).direction();
    }

    private static String offerWith(String address, String direction) {
        return String.join("\r\n", "v=0", "o=- 1 1 IN IP4 " + address, "s=-", "c=IN IP4 " + address, "t=0 0",
                "m=audio 4000 RTP/AVP 0", "a=" + direction, "");
    }
}
