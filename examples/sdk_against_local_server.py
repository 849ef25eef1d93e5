"""Upload a PDF and classify it with the official llama-cloud SDK.

Nothing in this script is specific to offline-classify: it is ordinary llama-cloud code
and runs unchanged against LlamaCloud. To run it offline, start the local server and
point the SDK at it through the environment:

    offline-classify serve --port 8080
    export LLAMA_CLOUD_BASE_URL=http://127.0.0.1:8080
    export LLAMA_CLOUD_API_KEY=local    # any key, unless the server sets OFFLINE_CLASSIFY_API_KEY
    python examples/sdk_against_local_server.py invoice.pdf
"""

from __future__ import annotations

import sys

from llama_cloud import LlamaCloud

RULES = [
    {
        "type": "invoice",
        "description": "An invoice with an invoice number, line items and a total amount due",
    },
    {
        "type": "receipt",
        "description": "A receipt confirming a purchase that has already been paid",
    },
    {
        "type": "contract",
        "description": "A contract with terms and conditions signed by both parties",
    },
]


def main(path: str) -> None:
    client = LlamaCloud()  # reads LLAMA_CLOUD_API_KEY and LLAMA_CLOUD_BASE_URL
    uploaded = client.files.create(file=path, purpose="classify")
    job = client.classify.run(file_input=uploaded.id, configuration={"rules": RULES})
    print(job.model_dump_json(indent=2))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python sdk_against_local_server.py DOCUMENT.pdf")
    main(sys.argv[1])
