using Google.Rpc;

namespace Visitation.ServiceDefaults.Grpc;

/// <summary>Collects every bad field of a request so the caller learns all of them at once.</summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public bool Any => _violations.Count > 0;

    public IReadOnlyList<BadRequest.Types.FieldViolation> Items => _violations;

    public FieldViolations Add(string field, string description)
    {
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    /// <summary>A violation of a named rule: <paramref name="reason"/> is its stable code, for programs.</summary>
    public FieldViolations Add(string field, string description, string reason)
    {
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description, Reason = reason });
        return this;
    }

    public FieldViolations Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "必填");
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw GrpcErrors.InvalidArgument(_violations);
        }
    }
}
