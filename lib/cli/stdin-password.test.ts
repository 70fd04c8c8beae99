import { describe, expect, it } from "vitest";
import { inlinePasswordFromStdin } from "./stdin-password";

const argv = ["users", "create", "--email", "a@b.test", "--password-stdin", "--operator"];
const stdin = (text: string) => async () => text;
const errorOf = (result: unknown) => JSON.parse((result as { output: string }).output).error;

describe("inlinePasswordFromStdin", () => {
  it("leaves an argv without --password-stdin alone and does not read stdin", async () => {
    const plain = ["users", "create", "--password", "x"];
    const never = async () => {
      throw new Error("stdin read");
    };
    expect(await inlinePasswordFromStdin(plain, never)).toBe(plain);
  });

  it.each([
    ["secret-pass\n", "secret-pass"],
    ["secret-pass\r\n", "secret-pass"],
    ["secret-pass", "secret-pass"],
    ["-starts-with-dash \n", "-starts-with-dash "],
  ])("reads %j as one password, passed on as --password=…", async (text, password) => {
    expect(await inlinePasswordFromStdin(argv, stdin(text))).toEqual(["users", "create", "--email", "a@b.test", `--password=${password}`, "--operator"]);
  });

  it.each([
    ["", "nothing was read from stdin"],
    ["\n", "nothing was read from stdin"],
    ["two\nlines\n", "expected one line on stdin"],
    ["x".repeat(5000), "stdin is longer than 4096 bytes"],
  ])("refuses %j with a usage error (exit 2)", async (text, message) => {
    const result = await inlinePasswordFromStdin(argv, stdin(text));
    expect(result).toMatchObject({ exitCode: 2 });
    expect(errorOf(result)).toEqual({ code: "USAGE", message: `--password-stdin: ${message}` });
    expect((result as { stderr: string }).stderr).toContain("usage: npm run klau -- users create --email EMAIL (--password-stdin | --password PASSWORD)");
  });

  it("refuses --password with --password-stdin before reading stdin", async () => {
    const never = async () => {
      throw new Error("stdin read");
    };
    const result = await inlinePasswordFromStdin([...argv, "--password", "also-given"], never);
    expect(errorOf(result)).toEqual({ code: "USAGE", message: "give exactly one of --password or --password-stdin" });
  });

  it("does not wait on stdin for --help", async () => {
    const never = async () => {
      throw new Error("stdin read");
    };
    expect(await inlinePasswordFromStdin(["users", "create", "--password-stdin", "--help"], never)).toEqual(["users", "create", "--help"]);
  });
});
