package callsim.app.assign;

import callsim.review.assign.AgentProgress;
import callsim.review.assign.Goal;
import callsim.review.assign.ItemProgress;
import callsim.review.assign.Progress;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The debrief's sentence about an agent's assignments once a drill has been counted: "Still to do: one more
 * pass of double charge at hard, due Friday." Spoken by the synthetic voice, so numbers and dates are words.
 */
public final class AssignmentDebrief {
    private static final String[] SMALL = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};

    private AssignmentDebrief() {}

    /** {@code before}: the agent's assignments as stored; {@code after}: with the finished drill counted. */
    public static String sentence(List<AgentProgress> before, List<AgentProgress> after, LocalDate today) {
        if (after.isEmpty()) return "";
        boolean wasOpen = before.stream().anyMatch(p -> !p.complete());
        Optional<AgentProgress> open = after.stream().filter(p -> !p.complete()).sorted(Progress.ORDER).findFirst();
        if (open.isEmpty()) return wasOpen ? "That completes your assignments. Well done. " : "";
        AgentProgress assignment = open.get();
        ItemProgress next = assignment.next().orElseThrow();
        StringBuilder s = new StringBuilder("Still to do for your assignments: ").append(what(next));
        assignment.assignment().due().ifPresent(due -> s.append(", ").append(due(due, today)));
        long others = after.stream().filter(p -> !p.complete()).mapToLong(p -> p.items().stream().filter(i -> !i.done()).count()).sum() - 1;
        if (others > 0) s.append(", and ").append(number(others)).append(others == 1 ? " more drill after that" : " more drills after that");
        return s.append(". ").toString();
    }

    /** "one more pass of double charge at hard", "a score of 85 in warranty refused at normal". */
    static String what(ItemProgress item) {
        String drill = item.item().scenario().replace('-', ' ') + " at " + item.item().difficulty().jsonName();
        if (item.item().goal() == Goal.SCORE) return "a score of " + item.item().amount() + " in " + drill;
        int left = item.passesLeft();
        return number(left) + " more " + (left == 1 ? "pass" : "passes") + " of " + drill;
    }

    /** "due today", "due tomorrow", "due Friday" (within the week), "due on the 12th of December", "overdue since Monday". */
    static String due(LocalDate due, LocalDate today) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days == 0) return "due today";
        if (days == 1) return "due tomorrow";
        if (days > 1 && days < 7) return "due " + day(due.getDayOfWeek());
        if (days < 0 && days > -7) return "overdue since " + day(due.getDayOfWeek());
        return (days < 0 ? "overdue since the " : "due on the ") + ordinal(due.getDayOfMonth()) + " of "
                + due.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String day(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String number(long n) {
        return n < SMALL.length ? SMALL[(int) n] : String.valueOf(n);
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
