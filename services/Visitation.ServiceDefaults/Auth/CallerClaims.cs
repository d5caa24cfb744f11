namespace Visitation.ServiceDefaults.Auth;

public static class CallerClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Organisation = "org";
}
