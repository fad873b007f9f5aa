using System.ComponentModel.DataAnnotations;
using Quartz;

namespace VideoTube.Infrastructure.Maintenance;

/// <summary>
/// Configuration section <c>Maintenance</c>: when the clustered job engine runs the housekeeping jobs. Quartz cron
/// expressions (seconds first), in UTC; the workers of the cluster share each firing, so one of them runs it.
/// </summary>
public sealed class MaintenanceOptions : IValidatableObject
{
    public const string SectionName = "Maintenance";

    /// <summary>Recomputes every stored counter (<see cref="RepairCountersJob"/>); daily at 03:30 by default.</summary>
    [Required]
    public string CounterRepairSchedule { get; set; } = "0 30 3 * * ?";

    /// <summary>Deletes login-throttle rows whose window has passed (<see cref="PruneLoginAttemptsJob"/>); hourly.</summary>
    [Required]
    public string LoginAttemptsPruneSchedule { get; set; } = "0 15 * * * ?";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CronExpression.TryParse(CounterRepairSchedule, out _))
            yield return new ValidationResult($"'{CounterRepairSchedule}' is not a Quartz cron expression",
                [nameof(CounterRepairSchedule)]);
        if (!CronExpression.TryParse(LoginAttemptsPruneSchedule, out _))
            yield return new ValidationResult($"'{LoginAttemptsPruneSchedule}' is not a Quartz cron expression",
                [nameof(LoginAttemptsPruneSchedule)]);
    }
}
