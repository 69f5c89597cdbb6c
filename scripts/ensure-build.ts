// Builds the web app unless the current build already matches the sources.
import { ensureBuild } from "@/lib/build-fingerprint";

process.exit(ensureBuild());
