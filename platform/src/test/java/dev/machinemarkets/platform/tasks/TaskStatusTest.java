package dev.machinemarkets.platform.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskStatusTest {

    @Test
    void theHappyPathIsAllowed() {
        assertThat(TaskStatus.DRAFT.canMoveTo(TaskStatus.QUEUED)).isTrue();
        assertThat(TaskStatus.QUEUED.canMoveTo(TaskStatus.RESOLVING)).isTrue();
        assertThat(TaskStatus.RESOLVING.canMoveTo(TaskStatus.RESOLVED)).isTrue();
        assertThat(TaskStatus.RESOLVED.canMoveTo(TaskStatus.EXECUTING)).isTrue();
        assertThat(TaskStatus.EXECUTING.canMoveTo(TaskStatus.COMPLETED)).isTrue();
        assertThat(TaskStatus.EXECUTING.canMoveTo(TaskStatus.HANDED_OFF)).isTrue();
    }

    @Test
    void finishedTasksStayFinishedAndStepsCannotBeSkipped() {
        for (TaskStatus target : TaskStatus.values()) {
            assertThat(TaskStatus.COMPLETED.canMoveTo(target)).isFalse();
            assertThat(TaskStatus.HANDED_OFF.canMoveTo(target)).isFalse();
        }
        assertThat(TaskStatus.QUEUED.canMoveTo(TaskStatus.EXECUTING)).isFalse();
        assertThat(TaskStatus.QUEUED.canMoveTo(TaskStatus.COMPLETED)).isFalse();
        assertThat(TaskStatus.RESOLVING.canMoveTo(TaskStatus.EXECUTING)).isFalse();
        assertThat(TaskStatus.FAILED.canMoveTo(TaskStatus.EXECUTING)).isFalse();
    }

    @Test
    void discoveryRunsOnlyWhileNothingRunsAndNothingIsFinished() {
        assertThat(TaskStatus.QUEUED.canDiscover()).isTrue();
        assertThat(TaskStatus.FAILED.canDiscover()).isTrue();
        assertThat(TaskStatus.EXECUTING.canDiscover()).isFalse();
        assertThat(TaskStatus.COMPLETED.canDiscover()).isFalse();
        assertThat(TaskStatus.of("handed_off")).isEqualTo(TaskStatus.HANDED_OFF);
        assertThat(TaskStatus.HANDED_OFF.wire()).isEqualTo("handed_off");
    }
}
