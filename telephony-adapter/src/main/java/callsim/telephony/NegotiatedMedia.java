package callsim.telephony;

/** The outcome of an offer/answer: codec, its payload type, and the telephone-event type (-1: none). */
public record NegotiatedMedia(Codec codec, int audioPayloadType, int telephoneEventPayloadType) {
    public boolean hasTelephoneEvent() {
        return telephoneEventPayloadType >= 0;
    }
}
