/**
 * The preview's bridge from wx.cloud's storage calls to the local CloudBase emulator: the browser
 * posts the file ids, the preview server asks the emulator through the real node-sdk (the same
 * getTempFileURL the functions use) and answers in the shape WeChat's client gives. Shared by the
 * server (server/cloud-storage.ts) and the browser runtime (client/wx/cloud-storage.ts).
 */

/** POST, body {fileList: [{fileID, maxAge?}]}; answers TempFileAnswer, or an error status with a Chinese sentence. */
export const TEMP_FILE_URL_ENDPOINT = '/__preview/cloud/getTempFileURL';

/** The most files one getTempFileURL call takes, in WeChat as in the cloud service. */
export const MAX_FILES_PER_CALL = 50;

export interface TempFileRequestEntry {
  fileID: string;
  /** Lifetime of the address in seconds; the service's default when absent. */
  maxAge?: number;
}

/** One file of wx.cloud.getTempFileURL's answer: status 0 and an address, or a non-zero status and why. */
export interface TempFile {
  fileID: string;
  tempFileURL: string;
  status: number;
  errMsg: string;
}

export interface TempFileAnswer {
  fileList: TempFile[];
}
