using Visitation.Contracts.Grpc.IdentityAdmin;

namespace Visitation.Console.Pages.Admin.Security;

/// <summary>A signing key's state in words, with what the security administrator does about it.</summary>
public static class SigningKeyNames
{
    public static string Of(SigningKeyState state) => state switch
    {
        SigningKeyState.Signing => "正在签发令牌",
        SigningKeyState.Published => "已发布（未用于签发）",
        SigningKeyState.Staged => "已暂存（启用日期起签发）",
        SigningKeyState.AwaitingRestart => "待重启身份服务后发布",
        SigningKeyState.Expired => "已过期（可删除其文件）",
        _ => "未知",
    };
}
