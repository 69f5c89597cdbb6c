import { readFile } from "node:fs/promises";
import path from "node:path";
import { ConfigFileError, type ConfigFile, parseConfigFile, yamlPath } from "./config-file";

export interface PolicyDocumentConfig {
  id: string;
  text: string;
}

/** A parsed baton.yaml whose policies are all inline: `file:` entries are read relative to the YAML file. */
export type LoadedConfig = Omit<ConfigFile, "policy"> & { policy?: { note?: string; policies: PolicyDocumentConfig[] } };

export async function loadConfigFile(filePath: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await readFile(filePath, "utf8");
  } catch (error) {
    throw new Error(`cannot read ${filePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  const config = parseConfigFile(text, filePath);
  if (!config.policy) return { ...config, policy: undefined };
  const policies = await Promise.all(
    config.policy.policies.map(async (policy, index) => {
      if ("text" in policy) return policy;
      const policyPath = path.resolve(path.dirname(filePath), policy.file);
      try {
        return { id: policy.id, text: await readFile(policyPath, "utf8") };
      } catch (error) {
        const where = yamlPath(["policy", "policies", index, "file"]);
        throw new ConfigFileError([`${filePath}: ${where}: cannot read ${policyPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`]);
      }
    }),
  );
  return { ...config, policy: { note: config.policy.note, policies } };
}
