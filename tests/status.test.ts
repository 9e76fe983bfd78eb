// lei status flags inputs that should have arrived: last month's せたがやPay report after its due day, and the
// survey wave of the fiscal year that has ended.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipelineConfig } from '../config/load-pipeline-config.ts';
import { replaceExecutionMarker } from '../pipelines/execution-marker.ts';
import { readStatus } from '../pipelines/read-status.ts';
import { copyConfig, setagayaConfig, tempDir } from './helpers.ts';

async function setup(files: string[]) {
  const root = await tempDir();
  const config = await copyConfig(setagayaConfig);
  const inbox = path.join(root, 'inbox');
  for (const f of files) {
    await mkdir(path.dirname(path.join(inbox, f)), { recursive: true });
    await writeFile(path.join(inbox, f), '');
  }
  await writeFile(path.join(config, 'pipeline.yaml'), `inbox: ${inbox}\nout: ${path.join(root, 'out')}\nstore: ${path.join(root, 'out', 'store.duckdb')}\n`);
  return config;
}

describe('lei status', () => {
  it('says which monthly report and which survey wave are overdue', async () => {
    const config = await setup(['setagaya-pay/せたがやPay_月次報告_2025年8月.xlsx', 'industry-survey/R5_産業基礎調査_商業・サービス.xlsx']);
    // 2025-10-21 in Tokyo: September's report was due on 10/20; FY2024's wave is due since April 2025.
    const report = await readStatus(config, () => new Date('2025-10-21T03:00:00Z'));
    expect(report.stale).toEqual([
      expect.stringMatching(/^せたがやPay: 2025年9月分の月報が受信箱（.*\/inbox\/setagaya-pay）にありません（毎月20日が前月分の期限）$/),
      expect.stringContaining('産業基礎調査: 令和6年度の回答データが受信箱'),
    ]);
  });

  it('is quiet when the inputs are there', async () => {
    const config = await setup(['setagaya-pay/せたがやPay_月次報告_2025年9月.xlsx', 'industry-survey/R6_産業基礎調査_商業・サービス.xlsx']);
    const report = await readStatus(config, () => new Date('2025-10-21T03:00:00Z'));
    expect(report.stale.filter((s) => !s.startsWith('2日以上'))).toEqual([]);
  });

  it('says when the last run was killed (its execution marker is there and nobody holds the lock)', async () => {
    const config = await setup(['setagaya-pay/せたがやPay_月次報告_2025年9月.xlsx', 'industry-survey/R6_産業基礎調査_商業・サービス.xlsx']);
    const { out } = await loadPipelineConfig(config);
    await mkdir(out, { recursive: true });
    const quiet = await readStatus(config, () => new Date('2025-10-21T03:00:00Z'));
    expect(quiet.stale.filter((s) => s.includes('途中で止まって'))).toEqual([]);
    await replaceExecutionMarker(out, { executionId: 'killed', startedAt: '2025-10-21T02:00:00Z', trigger: 'schedule' });
    const report = await readStatus(config, () => new Date('2025-10-21T03:00:00Z'));
    expect(report.stale).toContain('直近の実行が途中で止まっています（強制終了・停電など）。次の実行が出力をそろえ直します');
  });
});
