package callsim.core;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/** Something the caller tells when the agent asks for it: phrases of the question, and the answer. */
public record Fact(String id, List<String> askedBy, String answer) {
    public Fact {
        checkArgument(id != null && !id.isBlank(), "fact id is empty");
        askedBy = List.copyOf(askedBy);
        checkArgument(!askedBy.isEmpty(), "fact %s has no question phrases", id);
        checkArgument(answer != null && !answer.isBlank(), "fact %s has no answer", id);
    }
}
